-- The person names of a resolution block of long names, or a name one word longer than a
-- mention (names with this many words, first-word sound and last-word sound: the store's
-- entities_with_ends and person_names_in), found through one index. Through the last word's
-- index alone every name ending in a common word was read: at 15,000 stored egypt2013 articles,
-- 3,000 such lookups took 0.32 s, 0.05 s through this one.
CREATE INDEX mentions_ends ON mentions(first_sound, last_sound, words);
