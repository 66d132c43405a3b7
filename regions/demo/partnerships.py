"""Demo partnerships (about 25, spread over the regions), with partners and conversations."""


def load(stdout):
    stdout.write("Regional network: no demo partnerships yet.")
