"""Rules about page text that every stage shares, on the ground floor: pure functions of a string, with no parse,
no store and no import from above.

- `headline`: what a headline line is (titles at ingestion, headline claims left to the body, teaser headlines).
- `boilerplate`: page furniture cut before a document is stored (trailing widgets, cookie banners, glued navigation).
- `furniture`: furniture left in a stored text (bylines, captions, time stamps, teasers), masked before parsing so
  offsets hold.
- `shingles`: words and word 4-shingles, the unit both near-duplicate tests compare by.
- `dedup`: MinHash signatures and the band keys documents are stored and looked up under.
- `copies`: wire copies of one story (bodies compared without their notes and bylines) and which is the original.
- `characters`: characters no text may hold (half a UTF-16 pair), refused at every entry point by one test.
- `wellformed`: whether words are a sentence or a clause (finite verb, balanced quotes, no cut on a function word):
  every summary line, and every denial that is to rebut a statement.

The three furniture rule sets answer three different questions (cut for good, hide from the parser, ignore when
comparing two copies) and stay apart on purpose: `copies.body` feeds the band keys already stored in every
existing database, so it cannot take another rule's lines without re-keying those stores.
"""
