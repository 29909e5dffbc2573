"""Children: identifiers, sex, ethnicity and (plainly synthetic) names."""

import numpy as np

from lineofsight.synth.sim import Sim

ETHNICITIES = ["WBRI", "WOTH", "MWBC", "MWBA", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "WIRT", "NOBT", "REFU"]
ETHNICITY_WEIGHTS = [36, 9, 6, 2, 6, 3, 4, 1, 3, 6, 10, 4, 1, 5, 1, 2, 1]
FORENAMES = np.array(["Alex", "Sam", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Robin", "Ashley", "Drew", "Quinn"])
SURNAMES = np.array(["Synthetic", "Example", "Sample", "Testcase", "Madeup", "Fictional"])


def add_people(sim: Sim, dobs: np.ndarray) -> np.ndarray:
    """Add one ssd_person row per birth date; returns their identifiers."""
    rng = sim.rng
    count = len(dobs)
    ids = sim.ids("C", count)
    sex = sim.choose(["M", "F", "U"], [50, 49.5, 0.5], count)
    sim.add(
        "ssd_person",
        pers_person_id=ids,
        pers_forename=FORENAMES[rng.integers(0, len(FORENAMES), count)],
        pers_surname=SURNAMES[rng.integers(0, len(SURNAMES), count)],
        pers_sex=sex,
        pers_gender=np.select([sex == "M", sex == "F"], ["01", "02"], "00"),
        pers_ethnicity=sim.choose(ETHNICITIES, ETHNICITY_WEIGHTS, count),
        pers_dob=dobs,
        pers_common_child_id=None,
        pers_legacy_id=None,
        pers_upn_unknown=None,
        pers_send_flag=np.where(rng.random(count) < 0.15, "Y", "N"),
        pers_expected_dob=None,
        pers_death_date=None,
        pers_is_mother=None,
        pers_nationality=None,
    )
    return ids
