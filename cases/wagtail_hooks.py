"""Admin wiring of case stories: a new case index gets the editorial roles and the workflow.

Communicatie may write and submit case stories below the index, moderators may publish
there, and the "Moderatie" workflow covers the index and every case below it (see
home/roles.py). Wagtail imports this
module at start-up (it looks for snippets in every app's wagtail_hooks), so the receiver is
connected for management commands such as ``load_demo_content`` too.
"""

from django.db.models.signals import post_save

from cases.models import CaseIndexPage
from home.roles import set_up_created_section_page

post_save.connect(
    set_up_created_section_page, sender=CaseIndexPage, dispatch_uid="case_index_page_roles"
)
