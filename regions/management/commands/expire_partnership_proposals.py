"""`manage.py expire_partnership_proposals`: the retention rules of public proposals (cron).

Deletes proposals whose submitter did not confirm within seven days (with the logo they
sent), and wipes the submitter's name and e-mail address 30 days after the editors'
decision. Run it daily; it logs what it did and is safe to run any number of times.
"""

import logging

from django.core.management.base import BaseCommand

from regions.proposals import expire

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Delete unconfirmed partnership proposals older than 7 days; wipe submitters' "
        "addresses 30 days after the decision."
    )

    def handle(self, *args, **options):
        deleted, wiped = expire()
        summary = f"{deleted} unconfirmed proposal(s) deleted, {wiped} submitter address(es) wiped."
        logger.info("expire_partnership_proposals: %s", summary)
        self.stdout.write(summary)
