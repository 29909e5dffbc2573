-- clae_entered_care_date is the start of the period of care; an episode only starts a placement or legal status.
select
    clae_cla_episode_id as episode_id,
    clae_person_id as person_id,
    clae_cla_id as cla_id,
    clae_cla_episode_start_date as start_date,
    clae_cla_episode_ceased_date as end_date,
    coalesce(clae_entered_care_date, clae_cla_episode_start_date) as entered_care_date,
    org_code,
    batch_id,
from ssd_cla_episodes
