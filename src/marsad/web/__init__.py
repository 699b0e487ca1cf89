"""The local web UI and REST API over a store (`marsad serve`)."""
