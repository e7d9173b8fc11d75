"""A coach's template can read the draft's data and nothing else: every way out is refused."""

from __future__ import annotations

import time

import pytest

from followup.drafts.templates import check_templates, render, sample_context
from followup.errors import InputError
from followup.model.playbook import Origin, Template

# Each tries to run a command that creates MARKER; none may get that far.
ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}",
    "{{ namespace.__init__.__globals__['os'].system('touch MARKER') }}",
    "{{ config.__class__.__init__.__globals__['os'].popen('touch MARKER') }}",
    "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch MARKER') }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "{{ range.__globals__['__builtins__']['__import__']('os').system('touch MARKER') }}",
    "{{ step.due.__class__.__init__.__globals__ }}",
    "{{ case.interview.strftime.__self__.__class__ }}",
    "{{ case.__class__.__base__.__subclasses__() }}",
    "{{ case|attr('__class__') }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(case) }}",
    "{{ case.company.format.__globals__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c('touch MARKER') }}{% endfor %}",
    "{% import 'os' as os %}{{ os.system('touch MARKER') }}",
    "{% from 'os' import system %}{{ system('touch MARKER') }}",
    "{% include '/etc/passwd' %}",
    "{% extends '/etc/passwd' %}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{% block b %}{{ self.b() }}{% endblock %}",
    "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
    "{{ case.update({'company': 'Evil Inc'}) }}",
    "{{ case.interviewers.append('x') }}",
    "{{ case.items() }}",
]

# Each would take minutes or gigabytes if run; each must be refused in well under a second.
BOMBS = [
    ("{% for i in range(10**9) %}x{% endfor %}", "range"),
    ("{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}", "loops"),
    ("{{ 'x' * 10**9 }}", "'*'"),
    ("{{ [1] * 10**9 }}", "'*'"),
    ("{{ 10 ** 10 ** 10 }}", "'**'"),
    ("{{ 2 ** 100000 }}", "'**'"),
    ("{{ '%0999999999d' % 1 }}", "'%'"),
    ("{{ '{:>999999999}'.format(1) }}", "format"),
    ("{{ case.company.center(999999999) }}", "center"),
    ("{% set s = 'x' * 20000 %}{{ s ~ s }}", "'~'"),
    ("{% set s = 'x' * 15000 %}{{ s + s }}", "'+'"),
    ("{% set s = 'x' * 20000 %}{{ [s, s, s, s, s, s, s, s] }}", "printed"),
    ("{% set s = 'x' * 20000 %}{{ [s, s, s, s] | upper }}", "filter"),
    ("{% set s = 'x' * 10000 %}{{ s | list | join(s) }}", "join"),
    ("{% for i in range(1000) %}{{ 'x' * 100 }}{% endfor %}", "message"),
    ("{{ lipsum(10**9) }}", "lipsum"),
    ("{{" + "(" * 3000 + "1" + ")" * 3000 + "}}", "deeply"),
    ("{{ case" + ".a" * 4000 + " }}", "deeply"),
    ("{{ 1" + " + 1" * 2400 + " }}", "deeply"),
    ("{% for a in [1] %}" * 25 + "x" + "{% endfor %}" * 25, "deeply"),
    ("{{ case.role" + "|upper" * 1400 + " }}", "deeply"),
    ("x" * 10_001, "longer than"),
]


def _template(body: str) -> Template:
    return Template("check_in", body, Origin("evil.yaml", 3, 3))


@pytest.mark.parametrize("attack", ESCAPES)
def test_escape_is_refused_at_validation_and_at_render_time(attack, tmp_path, tiny_model):
    """Validation refuses the template, and the sandbox refuses it even unvalidated."""
    marker = tmp_path / "MARKER"
    body = attack.replace("MARKER", str(marker))
    playbook = _with_template(tiny_model, body)
    with pytest.raises(InputError) as err:
        check_templates(playbook)
    assert err.value.problems[0].file == "evil.yaml"
    with pytest.raises(InputError):
        render(_template(body), sample_context(tiny_model, "check_in"))
    assert not marker.exists()


@pytest.mark.parametrize(("bomb", "named"), BOMBS)
def test_bomb_is_refused_quickly_with_a_reason(bomb, named, tiny_model):
    """Work and size bombs stop at a limit, quickly, with a message naming what was refused."""
    started = time.monotonic()
    with pytest.raises(InputError) as err:
        render(_template(bomb), sample_context(tiny_model, "check_in"))
    assert time.monotonic() - started < 2.0
    assert named in str(err.value)


def test_templates_cannot_change_the_data_they_are_given(tiny_model):
    """The context is read-only: after a mutation attempt, the case data is unchanged."""
    context = sample_context(tiny_model, "check_in")
    with pytest.raises(InputError):
        render(_template("{{ case.interviewers.pop() }}"), context)
    assert len(context["case"]["interviewers"]) == 2  # type: ignore[index]


def test_what_a_message_needs_is_allowed(tiny_model):
    """Loops, conditions, the allowed filters and methods, and small arithmetic all work."""
    body = (
        "{% for p in case.interviewers %}{{ loop.index }}.{{ p.name|upper }} {% endfor %}"
        "{{ case.interviewers|map(attribute='first_name')|join(' and ') }} "
        "{{ case.role.lower() }} {{ case.interview.year + 1 }} {{ range(3)|list|length }} "
        "{{ 'ab' * 2 }} {{ 2 ** 8 }} {{ case.interview|long_date }} {{ 'a' ~ 'b' }}"
    )
    text = render(_template(body), sample_context(tiny_model, "check_in")).body
    assert text == (
        "1.SAM LEE 2.ANA RUIZ Sam and Ana data analyst 2027 3 abab 256 Monday, 2 March 2026 ab"
    )


def _with_template(playbook, body):
    from msgspec.structs import replace

    return replace(playbook, templates=(_template(body),))
