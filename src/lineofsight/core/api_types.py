"""Types shared by the JSON API's parameters."""

from typing import Annotated

from pydantic import Field

# Ids are 64-bit signed integers in every supported database; SQLite refuses a larger number outright
# (OverflowError) instead of finding nothing, so the range belongs in the API's description.
RecordId = Annotated[int, Field(ge=1, le=2**63 - 1)]
