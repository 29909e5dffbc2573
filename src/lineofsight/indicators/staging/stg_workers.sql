-- NQSW in their assessed and supported year in employment (ASYE): recognised from the job title.
select
    prof_professional_id as worker_id,
    prof_professional_name as worker_name,
    prof_professional_job_title as job_title,
    coalesce(upper(trim(prof_agency_worker_flag)), 'N') in ('Y', '1', 'TRUE') as is_agency,
    coalesce(regexp_matches(lower(prof_professional_job_title), 'asye|newly qualified|nqsw'), false) as is_nqsw,
    prof_professional_department as team_id,
    org_code,
    batch_id,
from ssd_professionals
