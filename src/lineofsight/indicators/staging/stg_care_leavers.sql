-- 903 OC3 codes: ACTIV F*/P* in education, employment or training, G4-G6 not; ACCOM second character 1 suitable, 2 not.
select
    clea_table_id as care_leaver_id,
    clea_person_id as person_id,
    upper(trim(clea_care_leaver_activity)) as activity,
    regexp_matches(upper(trim(clea_care_leaver_activity)), '^[FP][0-9]') as is_eet,
    upper(trim(clea_care_leaver_activity)) in ('G4', 'G5', 'G6') as is_neet,
    case
        when upper(trim(clea_care_leaver_accom_suitable)) in ('Y', '1', 'SUITABLE', 'A) SUITABLE') then true
        when upper(trim(clea_care_leaver_accom_suitable)) in ('N', '2', 'UNSUITABLE', 'B) UNSUITABLE') then false
        when regexp_matches(upper(trim(clea_care_leaver_accommodation)), '^[A-Z]1$') then true
        when regexp_matches(upper(trim(clea_care_leaver_accommodation)), '^[A-Z]2$') then false
    end as is_accommodation_suitable,
    clea_pathway_plan_review_date as pathway_plan_review_date,
    clea_care_leaver_latest_contact as latest_contact_date,
    clea_care_leaver_allocated_team as team_id,
    clea_care_leaver_worker_id as worker_id,
    org_code,
    batch_id,
from ssd_care_leavers
