"""The public proposal pages, served as routes of the network map (see NetworkMapPage)."""

from urllib.parse import urlencode

from django.utils.cache import add_never_cache_headers

from core.ratelimit import over_limit, too_many_requests

from .proposal_forms import HONEYPOT_FIELD, ProposalForm, initial_for
from .proposals import Refused, confirm, proposal_for_token, proposal_name, public_values, submit

RATE_LIMIT_SCOPE = "proposal"
FORM_TEMPLATE = "regions/proposal_form.html"
CONFIRM_TEMPLATE = "regions/proposal_confirm.html"


def never_cached(response):
    # The pages carry the visitor's CSRF token or their own proposal: never shared.
    add_never_cache_headers(response)
    return response


def confirm_url(page, request, token):
    path = page.get_url(request) + page.reverse_subpage("proposal_confirm")
    return request.build_absolute_uri(f"{path}?{urlencode({'code': token})}")


def proposal_form(page, request, partnership=None):
    """The form for a new partnership, or for a change to ``partnership``.

    Every POST counts against the rate limit. A filled honeypot gets the "sent" page, so a
    bot learns nothing, but nothing is stored or sent.
    """
    context = {"partnership": partnership, "sent": False}
    if request.method == "POST" and over_limit(request, RATE_LIMIT_SCOPE):
        return never_cached(too_many_requests(request, RATE_LIMIT_SCOPE))
    if request.method == "POST" and request.POST.get(HONEYPOT_FIELD, "").strip():
        context["sent"] = True
        return never_cached(page.render(request, template=FORM_TEMPLATE, context_overrides=context))
    if request.method == "POST":
        form = ProposalForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                submit(
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["submitter_name"],
                    values=form.values(),
                    logo=form.cleaned_data.get("logo"),
                    partnership=partnership,
                    confirm_url=lambda token: confirm_url(page, request, token),
                )
            except Refused as refusal:
                form.add_error(None, str(refusal))
            else:
                context.update(sent=True, email=form.cleaned_data["email"])
    else:
        form = ProposalForm(
            initial=initial_for(public_values(partnership)) if partnership else None
        )
    context["form"] = form
    status = 200 if request.method == "GET" or context["sent"] else 400
    response = page.render(request, template=FORM_TEMPLATE, context_overrides=context)
    response.status_code = status
    return never_cached(response)


def proposal_confirm(page, request, token):
    """The e-mail link: shows the proposal, and a button that confirms it (a POST).

    Confirming takes a POST so that a mail scanner following the link confirms nothing.
    """
    context = {"token": token}
    status = 200
    try:
        proposal = proposal_for_token(token)
        context.update(proposal=proposal, name=proposal_name(proposal))
        if request.method == "POST":
            context["confirmed"] = confirm(proposal)
            context["already"] = not context["confirmed"]
        elif proposal.status != proposal.Status.UNCONFIRMED:
            context["already"] = True
    except Refused as refusal:
        context["error"] = str(refusal)
        status = 400
    response = page.render(request, template=CONFIRM_TEMPLATE, context_overrides=context)
    response.status_code = status
    return never_cached(response)
