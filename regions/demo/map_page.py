"""The demo network map page (/netwerkkaart/) under the home page."""


def load(stdout):
    stdout.write("Regional network: no map page yet.")
