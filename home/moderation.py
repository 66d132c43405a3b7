"""What happens when the "Moderatie" workflow is approved: the approved revision goes live.

Wagtail publishes an approved item as the approving user and, by default, refuses when that
user has no publish rights (``wagtail.workflows.publish_workflow_state`` calls
``Revision.publish``, whose ``PublishRevisionAction`` checks the permission policy). So
moderators used to need publish rights, and with them they could also publish anything
directly, approved or not (the editor's publish button, the page explorer's bulk actions).

Wagtail lets a project choose this step (the ``WAGTAIL_FINISH_WORKFLOW_ACTION`` setting).
This one publishes as Wagtail does, but lets the approval itself count as the right to
publish: only when the user who finishes the workflow is the one who just approved its last
task. Wagtail allowed that approval only to a member of the task's group (the workflow
action view checks ``Task.get_actions``). Any other way a workflow can end (a task
deactivated by an administrator, a workflow without active tasks) keeps Wagtail's
permission check, so a Communicatie editor can never publish by submitting.

Wagtail imports this module while it loads its models: nothing here may import a model at
module level.
"""


def publish_approved_workflow_state(workflow_state, user=None):
    """Publish (or schedule) the latest revision, as Wagtail's default finish action does."""
    from wagtail.models import TaskState

    task_state = workflow_state.current_task_state
    approved_by_user = (
        user is not None
        and task_state is not None
        and task_state.status == TaskState.STATUS_APPROVED
        and task_state.finished_by_id == user.pk
    )
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=approved_by_user
    )
