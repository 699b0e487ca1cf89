"""Arabic text core: character classes, matching keys, tokens and sentences."""
