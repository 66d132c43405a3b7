"""Public views of the regional network that are not page routes: the reminder opt-out."""

from django.core import signing
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .reminders import email_from_token, opt_out


@never_cache
def reminder_opt_out(request, token):
    """The opt-out link of a check reminder: a confirm button (GET), then the opt-out (POST).

    A GET changes nothing, so a mail scanner that follows links does not opt anyone out.
    A forged, damaged or expired token gives a clear Dutch message and changes nothing.
    """
    try:
        email = email_from_token(token)
    except signing.BadSignature:
        return render(request, "regions/reminder_opt_out.html", {"invalid": True}, status=400)
    done = request.method == "POST"
    if done:
        opt_out(email)
    return render(request, "regions/reminder_opt_out.html", {"email": email, "done": done})
