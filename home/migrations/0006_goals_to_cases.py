"""The programme goals and their targets now belong to ``cases`` (cases.0004).

They leave ``home``'s state only: their tables were renamed, not dropped, by cases.0004.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0004_goals_from_home'),
        ('home', '0005_core_takes_over_persons_documents_settings'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name='goaltarget', name='page'),
                migrations.DeleteModel(name='GoalPage'),
                migrations.DeleteModel(name='GoalTarget'),
            ],
            database_operations=[],
        ),
    ]
