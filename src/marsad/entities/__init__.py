"""Named entities: mentions found in each article (mentions.py), and one identity per person,
place and organisation across the whole store (resolve.py), spelling variants included (names.py)."""
