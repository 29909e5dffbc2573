-- A CIN episode starts with a referral (cine_referral_date).
select
    cine_referral_id as referral_id,
    cine_person_id as person_id,
    cine_referral_date as referral_date,
    upper(trim(cine_referral_nfa)) in ('Y', '1', 'TRUE') as is_nfa,
    cine_close_date as close_date,
    cine_referral_team as team_id,
    cine_referral_worker_id as worker_id,
    org_code,
    batch_id,
from ssd_cin_episodes
