"""Cleaning: line rules, appended-article splitting, layout repair and the removed-span audit."""
