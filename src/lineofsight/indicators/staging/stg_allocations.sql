-- Who holds a child's case, and in which team, over time (ssd_involvements).
select
    invo_involvements_id as involvement_id,
    invo_professional_id as worker_id,
    invo_professional_role_id as role_id,
    invo_professional_team as team_id,
    invo_person_id as person_id,
    invo_referral_id as referral_id,
    invo_involvement_start_date as start_date,
    invo_involvement_end_date as end_date,
    org_code,
    batch_id,
from ssd_involvements
