select
    dept_team_id as team_id,
    dept_team_name as team_name,
    dept_team_parent_id as parent_id,
    dept_team_parent_name as parent_name,
    org_code,
    batch_id,
from ssd_department
