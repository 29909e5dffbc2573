"""The case-data upload form: one file (or a .zip of a folder) and the organisation it belongs to."""

import re
from pathlib import Path

from django import forms
from django.conf import settings

ALLOWED_SUFFIXES = (".zip", ".csv", ".xml", ".xlsx", ".xlsm")


class UploadForm(forms.Form):
    org_code = forms.CharField(
        label="Organisation code", max_length=20,
        help_text="The council's code, for example its DfE LA number (306) or a short name (CROYDON)",
        error_messages={"required": "Enter the organisation code"},
    )
    file = forms.FileField(
        label="Case data file",
        help_text="An SSD extract or SSDA903 return as a .zip of CSV files, a CIN census .xml, or an Annex A .xlsx",
        error_messages={"required": "Choose a file to upload"},
    )

    def clean_org_code(self):
        code = self.cleaned_data["org_code"].strip().upper()
        if not re.fullmatch(r"[A-Z0-9_-]{1,20}", code):
            raise forms.ValidationError("Organisation code must be letters, numbers, hyphens or underscores only")
        return code

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in ALLOWED_SUFFIXES:
            raise forms.ValidationError("The file must be a .zip, .csv, .xml or .xlsx file")
        limit = settings.CASE_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(f"The file must be smaller than {limit // (1024 * 1024)} MB")
        return upload
