"""Name keys make spellings meet: case, accents, possessives and common transliterations."""

from rapidfuzz import fuzz

from knowledge.names import name_key, phonetic_key, strip_titles, surname


def test_case_accents_and_possessives_do_not_matter():
    assert name_key("Zelenskyy’s") == name_key("zelenskyy") == "zelenskyy"
    assert name_key("Łukaszenka") == "lukaszenka"
    assert name_key("Siarheĭ Tsikhanoŭski") == "siarhei tsikhanouski"


def test_dotted_initials_and_run_together_ones_share_a_key():
    assert name_key("U.S.") == name_key("US") == name_key("u.s") == "us"
    assert name_key("J.D. Vance") == name_key("JD Vance") == "jd vance"
    assert name_key("St. Louis") == "st louis" and name_key("U.S.-led talks") == "us led talks"


def test_belarusian_and_russian_transliterations_share_a_phonetic_key():
    assert phonetic_key("Tsikhanouski") == phonetic_key("Tikhanovsky")
    assert phonetic_key("Zelenskyy") == phonetic_key("Zelensky")


def test_a_typo_stays_close_in_phonetic_space():
    assert fuzz.ratio(phonetic_key("kelog"), phonetic_key("Kellogg")) == 100


def test_titles_in_front_of_a_name_are_not_part_of_it():
    assert strip_titles("President Volodymyr Zelensky") == "Volodymyr Zelensky"
    assert surname("Keith Kellogg") == "kellogg"


def test_a_shorter_form_of_a_name_keeps_some_of_its_words_in_order_and_its_surname():
    from knowledge.names import part_of_name

    assert part_of_name("Singh Nijjar", "Hardeep Singh Nijjar")
    assert part_of_name("Hardeep Nijjar", "Hardeep Singh Nijjar")
    assert part_of_name("Nijjar", "Hardeep Singh Nijjar")
    assert not part_of_name("Hardeep Singh", "Hardeep Singh Nijjar")  # another surname
    assert not part_of_name("Nijjar Singh", "Hardeep Singh Nijjar")  # another order
    assert not part_of_name("Hardeep Singh Nijjar", "Hardeep Singh Nijjar")  # not shorter


def test_a_name_with_a_title_or_a_glued_sentence_word_in_front_is_no_fuller_form_of_the_name():
    from knowledge.names import part_of_name

    assert not part_of_name("Donald Trump", "Describing Donald Trump")
    assert not part_of_name("Trump", "President Donald Trump")
    assert not part_of_name("Maria Lindqvist", "Following Maria Lindqvist")
    assert part_of_name("Trudeau", "Justin Trudeau")


def test_a_country_in_front_of_a_company_name_is_part_of_the_name_but_before_a_title_is_not():
    from knowledge.names import strip_titles

    assert strip_titles("U.S. Steel") == "U.S. Steel"
    assert strip_titles("U.S. Ambassador Jo Reyes") == "Jo Reyes"
    assert strip_titles("Prime Minister Tarun Bedi") == "Tarun Bedi"


def test_a_groups_fuller_name_adds_modifiers_in_front_never_another_name_joined_on():
    from knowledge.names import fuller_group_name

    assert fuller_group_name("Dockworkers", "United Dockworkers")
    assert not fuller_group_name("Brandt", "Pine Market and Brandt")  # two actors in one span
    assert not fuller_group_name("Varda Steel", "Varda Steel Kenton Steel")  # ends alike, but not in Varda Steel
    assert not fuller_group_name("GOP", "PortFacts.gop")  # one word as written: a web address
    assert not fuller_group_name("Dockworkers", "Dockworkers")  # not fuller
