"""Matrix products of the spaCy model through numpy's OpenBLAS, one thread per process.

thinc multiplies through BLIS by default. The BLIS build spaCy installs picks its kernels by CPU model, and on CPUs
it does not list (AMD family 25, "Zen 3/4", as on the machine this was measured on) it falls back to its generic
reference C kernel: a third of all extraction time went into `bli_sgemm_generic_ref`. numpy's OpenBLAS picks an
AVX2 kernel on the same CPU (parse 144 → 103 ms CPU a document; every tag, dependency, entity and lemma the same
on the documents compared, `benchmarks/README.md`). The products are computed in a different order, so floats may
differ in their last bits; what the pipeline reads (argmax decisions) was identical everywhere it was compared.

OpenBLAS would start one thread per core in each process: extraction already runs one process per core
(`pipeline.analyze_texts`), and threads that spin waiting for work cost more CPU than they save, so the process's
OpenBLAS is held to one thread. When that cannot be done (numpy built against another BLAS), BLIS stays.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

from spacy.language import Language
from thinc.api import NumpyOps

# OpenBLAS's thread-count setter under the names its builds export: numpy's wheels bundle it prefixed and 64-bit
# ("scipy_openblas..." with "64_"), distributions ship it plain.
_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)
_GETTERS = tuple(s.replace("set_num", "get_num") for s in _SETTERS)


def _loaded_openblas() -> list[str]:
    """Paths of the OpenBLAS libraries this process has loaded (numpy's among them once numpy is imported)."""
    import numpy  # noqa: F401  (loads numpy's BLAS)

    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:  # not Linux: leave BLIS in place
        return []
    paths = {line.split(None, 5)[-1] for line in maps.splitlines() if "openblas" in line.rsplit("/", 1)[-1].lower()}
    return sorted(p for p in paths if p.startswith("/"))


def _symbol(names: tuple[str, ...]):
    for path in _loaded_openblas():
        lib = ctypes.CDLL(path)
        for name in names:
            fn = getattr(lib, name, None)
            if fn is not None:
                return fn
    return None


def openblas_threads() -> int | None:
    """The number of threads OpenBLAS uses in this process, or None when numpy's BLAS is not OpenBLAS."""
    get = _symbol(_GETTERS)
    return None if get is None else int(get())


def one_openblas_thread() -> bool:
    """Hold this process's OpenBLAS to one thread; False when there is no OpenBLAS to hold."""
    set_threads = _symbol(_SETTERS)
    if set_threads is None:
        return False
    set_threads(1)
    return openblas_threads() == 1


def use_ops(nlp: Language, ops: NumpyOps) -> None:
    """Every layer of every trained component computes with `ops` (thinc keeps one per layer)."""
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops


def multiply_with_openblas(nlp: Language) -> bool:
    """Switch `nlp`'s layers from BLIS to numpy's single-threaded OpenBLAS; False (BLIS kept) when not possible."""
    if not one_openblas_thread():
        return False
    use_ops(nlp, NumpyOps(use_blis=False))
    return True
