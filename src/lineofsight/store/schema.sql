-- The case store: one DuckDB file holding every organisation's case data.
-- Raw tables follow the Standard Safeguarding Dataset (data-to-insight/ssd-data-model) field names and order
-- exactly; local_* tables hold what no statutory return records. Every table ends with org_code and batch_id,
-- so a load can be replaced or unloaded as a unit. Dates are DATE, identifiers VARCHAR, flags VARCHAR 'Y'/'N'.

CREATE SEQUENCE IF NOT EXISTS load_batch_seq START 1;

CREATE TABLE IF NOT EXISTS load_batches (
    batch_id BIGINT PRIMARY KEY,
    org_code VARCHAR NOT NULL,
    source_format VARCHAR NOT NULL,
    source_files VARCHAR,
    period_start DATE,
    period_end DATE,
    loaded_at TIMESTAMP NOT NULL,
    row_count BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_person (
    pers_person_id VARCHAR,
    pers_forename VARCHAR,
    pers_surname VARCHAR,
    pers_sex VARCHAR,
    pers_gender VARCHAR,
    pers_ethnicity VARCHAR,
    pers_dob DATE,
    pers_common_child_id VARCHAR,
    pers_legacy_id VARCHAR,
    pers_upn_unknown VARCHAR,
    pers_send_flag VARCHAR,
    pers_expected_dob DATE,
    pers_death_date DATE,
    pers_is_mother VARCHAR,
    pers_nationality VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_contacts (
    cont_contact_id VARCHAR,
    cont_person_id VARCHAR,
    cont_contact_date DATE,
    cont_contact_source_code VARCHAR,
    cont_contact_source_desc VARCHAR,
    cont_contact_outcome_json VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cin_episodes (
    cine_referral_id VARCHAR,
    cine_person_id VARCHAR,
    cine_referral_date DATE,
    cine_cin_primary_need_code VARCHAR,
    cine_referral_source_code VARCHAR,
    cine_referral_source_desc VARCHAR,
    cine_referral_outcome_json VARCHAR,
    cine_referral_nfa VARCHAR,
    cine_close_reason VARCHAR,
    cine_close_date DATE,
    cine_referral_team VARCHAR,
    cine_referral_worker_id VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cin_assessments (
    cina_assessment_id VARCHAR,
    cina_person_id VARCHAR,
    cina_referral_id VARCHAR,
    cina_assessment_start_date DATE,
    cina_assessment_child_seen VARCHAR,
    cina_assessment_auth_date DATE,
    cina_assessment_outcome_json VARCHAR,
    cina_assessment_outcome_nfa VARCHAR,
    cina_assessment_team VARCHAR,
    cina_assessment_worker_id VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cin_plans (
    cinp_cin_plan_id VARCHAR,
    cinp_referral_id VARCHAR,
    cinp_person_id VARCHAR,
    cinp_cin_plan_start_date DATE,
    cinp_cin_plan_end_date DATE,
    cinp_cin_plan_team VARCHAR,
    cinp_cin_plan_worker_id VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cin_visits (
    cinv_cin_visit_id VARCHAR,
    cinv_person_id VARCHAR,
    cinv_cin_visit_date DATE,
    cinv_cin_visit_seen VARCHAR,
    cinv_cin_visit_seen_alone VARCHAR,
    cinv_cin_visit_bedroom VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_s47_enquiry (
    s47e_s47_enquiry_id VARCHAR,
    s47e_referral_id VARCHAR,
    s47e_person_id VARCHAR,
    s47e_s47_start_date DATE,
    s47e_s47_end_date DATE,
    s47e_s47_nfa VARCHAR,
    s47e_s47_outcome_json VARCHAR,
    s47e_s47_completed_by_worker_id VARCHAR,
    s47e_s47_completed_by_team VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_initial_cp_conference (
    icpc_icpc_id VARCHAR,
    icpc_icpc_meeting_id VARCHAR,
    icpc_s47_enquiry_id VARCHAR,
    icpc_person_id VARCHAR,
    icpc_cp_plan_id VARCHAR,
    icpc_referral_id VARCHAR,
    icpc_icpc_transfer_in VARCHAR,
    icpc_icpc_target_date DATE,
    icpc_icpc_date DATE,
    icpc_icpc_outcome_cp_flag VARCHAR,
    icpc_icpc_outcome_json VARCHAR,
    icpc_icpc_team VARCHAR,
    icpc_icpc_worker_id VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cp_plans (
    cppl_cp_plan_id VARCHAR,
    cppl_referral_id VARCHAR,
    cppl_icpc_id VARCHAR,
    cppl_person_id VARCHAR,
    cppl_cp_plan_start_date DATE,
    cppl_cp_plan_end_date DATE,
    cppl_cp_plan_initial_category VARCHAR,
    cppl_cp_plan_ola VARCHAR,
    cppl_cp_plan_latest_category VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cp_visits (
    cppv_cp_visit_id VARCHAR,
    cppv_person_id VARCHAR,
    cppv_cp_plan_id VARCHAR,
    cppv_cp_visit_date DATE,
    cppv_cp_visit_seen VARCHAR,
    cppv_cp_visit_seen_alone VARCHAR,
    cppv_cp_visit_bedroom VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cp_reviews (
    cppr_cp_review_id VARCHAR,
    cppr_person_id VARCHAR,
    cppr_cp_plan_id VARCHAR,
    cppr_cp_review_due DATE,
    cppr_cp_review_date DATE,
    cppr_cp_review_meeting_id VARCHAR,
    cppr_cp_review_outcome_continue_cp VARCHAR,
    cppr_cp_review_quorate VARCHAR,
    cppr_cp_review_participation VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cla_episodes (
    clae_cla_episode_id VARCHAR,
    clae_person_id VARCHAR,
    clae_cla_episode_start_date DATE,
    clae_cla_episode_start_reason VARCHAR,
    clae_cla_primary_need_code VARCHAR,
    clae_cla_episode_ceased_date DATE,
    clae_cla_episode_ceased_reason VARCHAR,
    clae_cla_id VARCHAR,
    clae_referral_id VARCHAR,
    clae_cla_placement_id VARCHAR,
    clae_entered_care_date DATE,
    clae_cla_last_iro_contact_date DATE,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cla_placement (
    clap_cla_placement_id VARCHAR,
    clap_cla_placement_start_date DATE,
    clap_cla_placement_type VARCHAR,
    clap_cla_placement_urn VARCHAR,
    clap_cla_placement_distance DOUBLE,
    clap_cla_id VARCHAR,
    clap_cla_placement_provider VARCHAR,
    clap_cla_placement_postcode VARCHAR,
    clap_cla_placement_end_date DATE,
    clap_cla_placement_change_reason VARCHAR,
    clap_person_id VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cla_reviews (
    clar_cla_review_id VARCHAR,
    clar_cla_id VARCHAR,
    clar_cla_review_due_date DATE,
    clar_cla_review_date DATE,
    clar_cla_review_cancelled VARCHAR,
    clar_cla_review_participation VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_cla_visits (
    clav_cla_visit_id VARCHAR,
    clav_cla_id VARCHAR,
    clav_person_id VARCHAR,
    clav_cla_visit_date DATE,
    clav_cla_visit_seen VARCHAR,
    clav_cla_visit_seen_alone VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_missing (
    miss_table_id VARCHAR,
    miss_person_id VARCHAR,
    miss_missing_episode_start_date DATE,
    miss_missing_episode_type VARCHAR,
    miss_missing_episode_end_date DATE,
    miss_missing_rhi_offered VARCHAR,
    miss_missing_rhi_accepted VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_care_leavers (
    clea_table_id VARCHAR,
    clea_person_id VARCHAR,
    clea_care_leaver_eligibility VARCHAR,
    clea_care_leaver_in_touch VARCHAR,
    clea_care_leaver_latest_contact DATE,
    clea_care_leaver_accommodation VARCHAR,
    clea_care_leaver_accom_suitable VARCHAR,
    clea_care_leaver_activity VARCHAR,
    clea_pathway_plan_review_date DATE,
    clea_care_leaver_personal_advisor VARCHAR,
    clea_care_leaver_allocated_team VARCHAR,
    clea_care_leaver_worker_id VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_permanence (
    perm_table_id VARCHAR,
    perm_person_id VARCHAR,
    perm_cla_id VARCHAR,
    perm_adm_decision_date DATE,
    perm_ffa_cp_decision_date DATE,
    perm_placement_order_date DATE,
    perm_placed_for_adoption_date DATE,
    perm_matched_date DATE,
    perm_adopted_by_carer_flag VARCHAR,
    perm_placed_ffa_cp_date DATE,
    perm_decision_reversed_date DATE,
    perm_placed_foster_carer_date DATE,
    perm_part_of_sibling_group VARCHAR,
    perm_siblings_placed_together INTEGER,
    perm_siblings_placed_apart INTEGER,
    perm_placement_provider_urn VARCHAR,
    perm_decision_reversed_reason VARCHAR,
    perm_permanence_order_date DATE,
    perm_permanence_order_type VARCHAR,
    perm_adoption_worker_id VARCHAR,
    perm_adopter_sex VARCHAR,
    perm_adopter_legal_status VARCHAR,
    perm_number_of_adopters INTEGER,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_involvements (
    invo_involvements_id VARCHAR,
    invo_professional_id VARCHAR,
    invo_professional_role_id VARCHAR,
    invo_professional_team VARCHAR,
    invo_involvement_start_date DATE,
    invo_involvement_end_date DATE,
    invo_worker_change_reason VARCHAR,
    invo_person_id VARCHAR,
    invo_referral_id VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_professionals (
    prof_professional_id VARCHAR,
    prof_staff_id VARCHAR,
    prof_professional_name VARCHAR,
    prof_social_worker_registration_no VARCHAR,
    prof_professional_job_title VARCHAR,
    prof_professional_caseload INTEGER,
    prof_professional_department VARCHAR,
    prof_full_time_equivalency DOUBLE,
    prof_agency_worker_flag VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS ssd_department (
    dept_team_id VARCHAR,
    dept_team_name VARCHAR,
    dept_team_parent_id VARCHAR,
    dept_team_parent_name VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

-- Local inputs: what no statutory return holds (reference §1.1).

CREATE TABLE IF NOT EXISTS local_contact_decisions (
    cont_contact_id VARCHAR,
    cont_decision_date DATE,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS local_cin_reviews (
    cinr_review_id VARCHAR,
    cinr_person_id VARCHAR,
    cinr_cin_plan_id VARCHAR,
    cinr_review_due_date DATE,
    cinr_review_date DATE,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS local_return_interviews (
    rhi_id VARCHAR,
    miss_table_id VARCHAR,
    rhi_offered_date DATE,
    rhi_completed_date DATE,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

-- supv_kind: 'personal' (a worker's own supervision) or 'case' (a child's case discussed; supv_person_id set).
CREATE TABLE IF NOT EXISTS local_supervision (
    supv_id VARCHAR,
    supv_worker_id VARCHAR,
    supv_person_id VARCHAR,
    supv_session_date DATE,
    supv_kind VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS local_foster_carer_reviews (
    fcr_carer_id VARCHAR,
    fcr_approval_date DATE,
    fcr_review_due_date DATE,
    fcr_review_date DATE,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS local_care_proceedings (
    proc_id VARCHAR,
    proc_person_id VARCHAR,
    proc_issue_date DATE,
    proc_conclusion_date DATE,
    proc_team VARCHAR,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);

-- One row per team per month; estb_month is the first day of the month.
CREATE TABLE IF NOT EXISTS local_establishment (
    estb_month DATE,
    estb_team_id VARCHAR,
    estb_posts_fte DOUBLE,
    estb_permanent_fte DOUBLE,
    estb_agency_fte DOUBLE,
    estb_permanent_12m_plus INTEGER,
    estb_agency_12m_plus INTEGER,
    estb_non_case_holding INTEGER,
    estb_nqsw INTEGER,
    estb_starters INTEGER,
    estb_leavers INTEGER,
    estb_vacant_posts DOUBLE,
    estb_unfilled_posts DOUBLE,
    estb_managers_permanent INTEGER,
    estb_managers_agency INTEGER,
    estb_managers_vacant INTEGER,
    org_code VARCHAR NOT NULL,
    batch_id BIGINT NOT NULL
);
