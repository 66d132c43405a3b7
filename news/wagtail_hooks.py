"""Admin wiring of news: a new news index gets the editorial roles and the workflow.

Communicatie may write and submit news below the index, moderators may publish there, and
the "Moderatie" workflow covers the index and every item below it (see home/roles.py). Wagtail imports this module at
start-up (it looks for snippets in every app's wagtail_hooks), so the receiver is connected
for management commands such as ``load_demo_content`` too.
"""

from django.db.models.signals import post_save

from home.roles import set_up_created_section_page
from news.models import NewsIndexPage

post_save.connect(
    set_up_created_section_page, sender=NewsIndexPage, dispatch_uid="news_index_page_roles"
)
