"""SQLite's parameter style rewritten for psycopg, without touching literals, quoted names or casts."""

from knowledge.store.postgres import translate


def test_question_marks_become_positional_placeholders():
    assert translate("SELECT a FROM t WHERE b = ? AND c IN (?, ?)") == "SELECT a FROM t WHERE b = %s AND c IN (%s, %s)"


def test_named_parameters_become_psycopg_named_placeholders():
    assert translate("WHERE x.sort_date >= :since AND e = :e") == "WHERE x.sort_date >= %(since)s AND e = %(e)s"


def test_a_percent_sign_is_doubled_inside_and_outside_literals():
    assert translate("SELECT 5 % 2 WHERE a LIKE '%x%'") == "SELECT 5 %% 2 WHERE a LIKE '%%x%%'"


def test_question_marks_and_colons_inside_literals_and_quoted_names_stay():
    sql = """SELECT '?', 'a:b', "odd?name", 'it''s ?' FROM t WHERE v = ?"""
    assert translate(sql) == """SELECT '?', 'a:b', "odd?name", 'it''s ?' FROM t WHERE v = %s"""


def test_a_postgres_cast_is_not_taken_for_a_named_parameter():
    assert translate("SELECT :q::text, x::int") == "SELECT %(q)s::text, x::int"


def test_fts5_prefix_queries_become_tsquery_prefix_terms():
    from knowledge.store.postgres import fts5_to_tsquery

    assert fts5_to_tsquery('"kell"* AND "keit"*') == "'kell':* & 'keit':*"
    assert fts5_to_tsquery('"kell"* OR "klk"*') == "'kell':* | 'klk':*"
    assert fts5_to_tsquery("tsik*") == "'tsik':*"


def test_an_fts5_query_that_can_match_nothing_is_none_rather_than_an_error():
    from knowledge.store.postgres import fts5_to_tsquery

    assert fts5_to_tsquery('""') is None
    assert fts5_to_tsquery("AND OR") is None
    assert fts5_to_tsquery('"kell"* AND ""') == "'kell':*"
