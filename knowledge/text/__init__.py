"""Rules about page text that every stage shares, on the ground floor: what a headline is, which lines are page
furniture (cut before storing, masked before parsing, left out when comparing copies), and the word shingles and
MinHash keys near-duplicates are found by. Pure functions of a string: no parsing, no store, no imports from above."""
