"""What the meeting page answers: the page with its form, confirming and cancelling.

Every answer carries the visitor's own CSRF token or result, so none is cached.
"""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from core.ratelimit import over_limit, too_many_requests
from events import registration as steps
from events.forms import HONEYPOT_FIELD, RegistrationForm
from events.models.registrations import Registration

RATE_LIMIT_SCOPE = "event_registration"
CODE_PARAMETER = "code"
MESSAGE_TEMPLATE = "events/registration_message.html"

CHECK_MAIL = (
    "Bijna klaar: we hebben u een e-mail gestuurd. Bevestig uw aanmelding met de link in "
    "die e-mail; pas dan telt ze."
)
CONFIRMED = "Uw aanmelding is bevestigd. U heeft een plaats; we sturen u een e-mail met de details."
WAITING = (
    "Uw aanmelding is bevestigd, maar de bijeenkomst is vol. U staat op de wachtlijst: komt er "
    "een plaats vrij, dan krijgt u die automatisch en hoort u dat per e-mail."
)
CANCELLED = "U bent afgemeld. Uw gegevens zijn verwijderd."


def never_cached(response):
    add_never_cache_headers(response)
    return response


def message(page, request, heading, text, status=200, action=None, button=""):
    """A short page with one message, and optionally a button that posts to ``action``."""
    context = {
        "page": page,
        "heading": heading,
        "message": text,
        "action": action,
        "button": button,
    }
    return never_cached(render(request, MESSAGE_TEMPLATE, context, status=status))


def event_page(page, request):
    """The meeting page; a POST is a registration (rate limit and honeypot first)."""
    form = None
    if page.takes_registrations and request.method == "POST":
        if over_limit(request, RATE_LIMIT_SCOPE):
            return never_cached(too_many_requests(request, RATE_LIMIT_SCOPE))
        if request.POST.get(HONEYPOT_FIELD, "").strip():
            # A bot sees the usual answer and learns nothing; nothing is stored or sent.
            return message(page, request, "Controleer uw e-mail", CHECK_MAIL)
        form = RegistrationForm(request.POST)
        if form.is_valid():
            data = {
                name: form.cleaned_data[name] for name in ("name", "email", "organisation", "role")
            }
            try:
                steps.register(page, request, **data)
            except steps.Refused as refused:
                form.add_error(None, refused.message)
            else:
                return message(page, request, "Controleer uw e-mail", CHECK_MAIL)
    if page.takes_registrations and form is None:
        form = RegistrationForm()
    return never_cached(page.render(request, context_overrides={"form": form}))


def confirm(page, request):
    """GET shows a button (mail scanners open links), POST confirms."""
    return token_step(
        page,
        request,
        "Aanmelding bevestigen",
        "Bevestig mijn aanmelding",
        steps.confirm_registration,
        do_confirm,
    )


def cancel(page, request):
    """GET shows a button, POST cancels the registration."""
    return token_step(
        page, request, "Afmelden", "Meld mij af", steps.cancel_registration, do_cancel
    )


def do_confirm(page, request, token):
    registration = steps.confirm(page, request, token)
    return CONFIRMED if registration.state == Registration.State.CONFIRMED else WAITING


def do_cancel(page, request, token):
    steps.cancel(page, request, token)
    return CANCELLED


def token_step(page, request, heading, button, check, act):
    """Check the link's code; on GET ask to press the button, on POST take the step."""
    token = request.GET.get(CODE_PARAMETER, "")
    try:
        if request.method == "POST":
            return message(page, request, heading, act(page, request, token))
        check(page, token)
    except steps.Refused as refused:
        return message(page, request, heading, refused.message, status=400)
    # The form posts to the same address, code and all.
    return message(page, request, heading, "", action=request.get_full_path(), button=button)
