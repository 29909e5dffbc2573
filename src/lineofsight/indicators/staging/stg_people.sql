-- Children: date of birth gives ages (LAC 20, care leavers 17 to 21).
select
    pers_person_id as person_id,
    pers_dob as birth_date,
    pers_expected_dob as expected_birth_date,
    pers_death_date as death_date,
    org_code,
    batch_id,
from ssd_person
