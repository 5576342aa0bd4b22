"""The web interface: the REST API (`app` assembles the routers `reads`, `writes`,
`analyses` and `alerts`; `payloads` holds their request and response models, `state` the
shared store and settings, `edge` the security layer in front of every request) and the
dashboard pages (`dashboard`, `templates/`, `static/`), all served by diplograph itself."""
