"""The words organisation resolution reads by, as data: description nouns and the kind of organisation each asks
for, and words inside an organisation's name that show its kind (kept apart so `heads` can read them too)."""

from __future__ import annotations

# What a description noun says about the organisation it stands for. "company" is the generic kind: a
# description of that kind fits any organisation whose kind the text does not show.
ORG_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        """company firm corporation business giant conglomerate maker manufacturer retailer startup
        airline carrier planemaker automaker carmaker chipmaker drugmaker bank lender insurer operator provider
        developer publisher platform brand supplier contractor utility exchange owner producer chain grocer
        supermarket""".split(),
        "company",
    ),
    "group": "any",  # "the group" is said of a union, a party or an observer mission as much as of a company
    **dict.fromkeys("union guild federation".split(), "union"),
    **dict.fromkeys(
        """ministry government administration agency department regulator authority commission office embassy
        council committee cabinet parliament legislature military army navy police""".split(),
        "government",
    ),
    **dict.fromkeys("party campaign".split(), "party"),
    **dict.fromkeys("court tribunal".split(), "court"),
    **dict.fromkeys("newspaper broadcaster network outlet".split(), "media"),
    # an alliance of members is not an association or a foundation ("the alliance" after a union's "Association"
    # is the employers' alliance), though "the organisation" and "the body" may be said of any of them
    **dict.fromkeys("alliance coalition bloc".split(), "alliance"),
    **dict.fromkeys("foundation association".split(), "body"),
    **dict.fromkeys("organisation organization body".split(), "any"),
}
# Members named for the body they sit on: "the justices ruled" is the court's ruling, as "the court ruled" is. The
# body's kind is asked for, as a description's is (the one court the text names).
BODY_MEMBERS: dict[str, str] = {"justices": "court"}
# Words inside an organisation's name that show its kind ("Delta Air Lines Inc.", "Ministry of Defence").
NAME_KINDS: dict[str, str] = {
    **dict.fromkeys(
        """inc inc. corp corp. co co. ltd ltd. llc plc holdings airlines airways motors technologies
        pharmaceuticals""".split(),
        "company",
    ),
    # a body named for the people it organises is their union ("Brotherhood of Dock Workers", "Longshoremen's
    # Association", "Federation of Nurses")
    **dict.fromkeys(
        """workers teamsters brotherhood machinists longshoremen dockworkers steelworkers autoworkers mineworkers
        nurses pilots firefighters electricians""".split(),
        "union",
    ),
    # a regulator or government agency known by its initials shows no kind word in its name ("the FTC's appeal …
    # the agency said"): the initials news writes for the common ones, as data
    **dict.fromkeys(
        """ftc sec fcc fda epa doj fbi cia nsa dhs irs faa ntsb nlrb cftc fdic cfpb osha usda hhs cdc nih cma ofcom
        fca ofgem ecb""".split(),
        "government",
    ),
}
# Nationality words whose first letters do not give the country's ("French" / "France"); any other nationality
# word is matched to its country by its first five letters ("Japanese" / "Japan", "Canadian" / "Canada").
DEMONYMS: dict[str, str] = {
    **dict.fromkeys(["us", "u.s", "usa", "america", "american", "americans", "united states"], "us"),
    **dict.fromkeys(["uk", "u.k", "britain", "british", "united kingdom"], "uk"),
    **dict.fromkeys("france french".split(), "france"),
    **dict.fromkeys("netherlands dutch".split(), "netherlands"),
    **dict.fromkeys("switzerland swiss".split(), "switzerland"),
    **dict.fromkeys("china chinese".split(), "china"),
    **dict.fromkeys("germany german".split(), "germany"),
    **dict.fromkeys("spain spanish".split(), "spain"),
    **dict.fromkeys("sweden swedish".split(), "sweden"),
    **dict.fromkeys("denmark danish".split(), "denmark"),
    **dict.fromkeys("finland finnish".split(), "finland"),
    **dict.fromkeys("norway norwegian".split(), "norway"),
    **dict.fromkeys("poland polish".split(), "poland"),
    **dict.fromkeys("turkey turkish".split(), "turkey"),
    **dict.fromkeys("greece greek".split(), "greece"),
    **dict.fromkeys("ireland irish".split(), "ireland"),
    **dict.fromkeys("philippines filipino philippine".split(), "philippines"),
    **dict.fromkeys("thailand thai".split(), "thailand"),
}
