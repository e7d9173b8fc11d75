"""The built-in drafts: neutral wording, one per core kind that sends something.

A playbook's own template for a rule or kind wins over these.  They use every fact the case
knows (see `followup.drafts.context`) and leave ``[[blanks]]`` only for what only the job
seeker knows.  Each paragraph is one line: `followup.drafts.layout` lays the message out for
its channel.
"""

from __future__ import annotations

from followup.model.playbook import Origin, Template

BUILT_IN = "built-in template"

_SIGN_OFF = "\n\nBest regards,\n{{ sender.signature }}"
_DEAR = "Dear {{ interviewer.greeting }},\n\n"
_OFFER = (
    "{% if case.offer_on %}I have received another job offer and need to give my answer by "
    "{{ case.offer_deadline|long_date if case.offer_deadline "
    "else '[[the date you must answer by]]' }}"
    "{% else %}[[your news: for example a new piece of work worth seeing]]{% endif %}"
)
_DECISION = (
    "{% if case.decision_by %}You mentioned hoping to decide by "
    "{{ case.decision_by|long_date }}, so I would be glad to hear where things stand."
    "{% else %}I would be glad to hear of any news on your timeline.{% endif %}"
)

DEFAULTS: dict[str, tuple[str, str]] = {
    "thank_you": (
        "Thank you: {{ case.role }} interview",
        _DEAR + "Thank you for meeting with me {{ case.interview_when }} to talk about the "
        "{{ case.role }} role at {{ case.company }}. I especially enjoyed our conversation about "
        "[[the topic you discussed]].\n\n"
        "[[One or two sentences on how your experience fits what the team needs.]]\n\n"
        "I am very interested in the role and glad to send anything else that would help. "
        "I look forward to hearing from you." + _SIGN_OFF,
    ),
    "thank_you_note": (
        "",
        _DEAR + "Thank you again for your time {{ case.interview_when }}. Talking about "
        "[[the topic you discussed]] made me even keener on the {{ case.role }} role at "
        "{{ case.company }}.\n\nWith best wishes,\n{{ sender.signature }}",
    ),
    "check_in": (
        "Following up: {{ case.role }} role",
        _DEAR + "I hope you are well. I am following up on my interview "
        "{{ case.interview_when }} for the {{ case.role }} role at {{ case.company }}. "
        "I am still very interested. " + _DECISION + "\n\n"
        "If anything else would help, such as [[references or a work sample]], I am happy to "
        "send it." + _SIGN_OFF,
    ),
    "final_check_in": (
        "{{ case.role }} role: a last follow-up",
        _DEAR + "I am writing one last time about the {{ case.role }} role at "
        "{{ case.company }}, for which I interviewed {{ case.interview_when }}. Could you tell "
        "me whether I am still being considered?\n\n"
        "Whatever the answer, thank you for your time; I would be glad to stay in touch."
        + _SIGN_OFF,
    ),
    "share_update": (
        "An update on my application: {{ case.role }}",
        _DEAR + "I wanted to let you know that " + _OFFER + ".\n\n"
        "I remain very interested in the {{ case.role }} role at {{ case.company }}, and I "
        "would appreciate any update on where things stand." + _SIGN_OFF,
    ),
    "network": (
        "Staying in touch",
        "Hi {{ interviewer.greeting }}, thank you again for talking with me about the "
        "{{ case.role }} role at {{ case.company }}. I would be glad to stay in touch here.\n\n"
        "{{ sender.name }}",
    ),
    "keep_promise": (
        "Following up as promised: {{ case.role }}",
        _DEAR + "As I said I would, I am following up on the {{ case.role }} role at "
        "{{ case.company }}. [[what you promised: "
        "{% if step.note %}{{ step.note }}{% else %}for example, the work samples attached"
        "{% endif %}]]" + _SIGN_OFF,
    ),
    "withdraw": (
        "Withdrawing my application: {{ case.role }}",
        _DEAR + "Thank you again for your time and for considering me for the {{ case.role }} "
        "role at {{ case.company }}. I have accepted another offer, so I am withdrawing my "
        "application.\n\nI enjoyed learning about your team, and I hope our paths cross "
        "again." + _SIGN_OFF,
    ),
    "answer_offer": (
        "Your offer: {{ case.role }}",
        _DEAR + "Thank you very much for the offer for the {{ case.role }} role at "
        "{{ case.company }}. [[your answer: that you accept, with the start date, or that you "
        "decline, with thanks]]" + _SIGN_OFF,
    ),
}


def default_template(kind: str) -> Template | None:
    """The built-in template for a core kind (None for kinds with nothing to send)."""
    found = DEFAULTS.get(kind)
    if found is None:
        return None
    subject, body = found
    return Template(kind, body, Origin(BUILT_IN, 1, 1), subject)
