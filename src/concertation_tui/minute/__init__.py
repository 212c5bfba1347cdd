"""The Word minute of a meeting: the professional edition and the letter to the person.

Importing this package is cheap: python-docx and babel are imported only while a minute is built.
No Textual here.
"""

from .build import build_minute
from .names import minute_file_name
from .template import TemplateError, check_template, default_template_path

__all__ = ["TemplateError", "build_minute", "check_template", "default_template_path", "minute_file_name"]
