"""Stories across outlets: clustering (cluster.py), publication dates a story implies (dates.py),
and the dossier of each story: quotes, claims, timeline and summary (dossier.py)."""
