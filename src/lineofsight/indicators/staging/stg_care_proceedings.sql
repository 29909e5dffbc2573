select
    proc_id as proceedings_id,
    proc_person_id as person_id,
    proc_issue_date as issue_date,
    proc_conclusion_date as conclusion_date,
    proc_team as team_id,
    org_code,
    batch_id,
from local_care_proceedings
