-- CreateTable
CREATE TABLE `region` (
    `code` CHAR(6) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `parent_code` CHAR(6) NULL,
    `level` TINYINT NOT NULL,

    INDEX `region_parent_code_idx`(`parent_code`),
    PRIMARY KEY (`code`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `policy_year` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `region_code` CHAR(6) NOT NULL,
    `year` SMALLINT NOT NULL,
    `base_standard` DECIMAL(14, 2) NOT NULL,
    `base_floor` DECIMAL(14, 2) NOT NULL,
    `base_ceiling` DECIMAL(14, 2) NOT NULL,
    `late_fee_daily_rate` DECIMAL(9, 6) NOT NULL DEFAULT 0.000500,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `policy_year_region_code_year_key`(`region_code`, `year`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `policy_rate` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `policy_year_id` INTEGER NOT NULL,
    `insurance_type` ENUM('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'RESIDENT_PENSION') NOT NULL,
    `unit_rate` DECIMAL(9, 6) NOT NULL,
    `personal_rate` DECIMAL(9, 6) NOT NULL,

    UNIQUE INDEX `policy_rate_policy_year_id_insurance_type_key`(`policy_year_id`, `insurance_type`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `work_injury_class` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `policy_year_id` INTEGER NOT NULL,
    `risk_class` TINYINT NOT NULL,
    `rate` DECIMAL(9, 6) NOT NULL,

    UNIQUE INDEX `work_injury_class_policy_year_id_risk_class_key`(`policy_year_id`, `risk_class`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `account_interest_rate` (
    `year` SMALLINT NOT NULL,
    `rate` DECIMAL(9, 6) NOT NULL,

    PRIMARY KEY (`year`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `unit` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `unit_no` VARCHAR(20) NOT NULL,
    `name` VARCHAR(128) NOT NULL,
    `credit_code` CHAR(18) NOT NULL,
    `region_code` CHAR(6) NOT NULL,
    `risk_class` TINYINT NOT NULL,
    `industry` VARCHAR(64) NULL,
    `unit_type` VARCHAR(32) NULL,
    `economic_type` VARCHAR(32) NULL,
    `size_class` VARCHAR(16) NULL,
    `business_scope` VARCHAR(512) NULL,
    `legal_rep_name` VARCHAR(64) NOT NULL,
    `legal_rep_id_number` VARCHAR(32) NOT NULL,
    `legal_rep_phone` VARCHAR(20) NULL,
    `address` VARCHAR(256) NULL,
    `postal_code` CHAR(6) NULL,
    `contact_name` VARCHAR(64) NULL,
    `contact_phone` VARCHAR(20) NULL,
    `contact_email` VARCHAR(128) NULL,
    `established_on` DATE NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `unit_unit_no_key`(`unit_no`),
    UNIQUE INDEX `unit_credit_code_key`(`credit_code`),
    INDEX `unit_region_code_idx`(`region_code`),
    INDEX `unit_name_idx`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `unit_insurance` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `unit_id` INTEGER NOT NULL,
    `insurance_type` ENUM('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'RESIDENT_PENSION') NOT NULL,
    `status` ENUM('ACTIVE', 'SUSPENDED', 'TERMINATED') NOT NULL,
    `enrolled_on` DATE NOT NULL,
    `last_settled_period` INTEGER NULL,
    `account_start_on` DATE NULL,
    `collection_mode` VARCHAR(16) NOT NULL DEFAULT '税务征收',

    UNIQUE INDEX `unit_insurance_unit_id_insurance_type_key`(`unit_id`, `insurance_type`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `unit_clerk` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `unit_id` INTEGER NOT NULL,
    `person_id` INTEGER NULL,
    `name` VARCHAR(64) NOT NULL,
    `id_number` VARCHAR(32) NOT NULL,
    `department` VARCHAR(64) NULL,
    `phone` VARCHAR(20) NOT NULL,
    `email` VARCHAR(128) NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `authorized_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `revoked_at` DATETIME(3) NULL,

    INDEX `unit_clerk_id_number_idx`(`id_number`),
    INDEX `unit_clerk_person_id_idx`(`person_id`),
    UNIQUE INDEX `unit_clerk_unit_id_id_number_key`(`unit_id`, `id_number`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `bank_account` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `unit_id` INTEGER NULL,
    `person_id` INTEGER NULL,
    `purpose` ENUM('REFUND', 'SURVIVOR', 'WORK_INJURY', 'BENEFIT_PAYMENT') NOT NULL,
    `bank_category` VARCHAR(32) NOT NULL,
    `bank_name` VARCHAR(128) NOT NULL,
    `bank_code` VARCHAR(16) NULL,
    `account_name` VARCHAR(128) NOT NULL,
    `account_number` VARCHAR(32) NOT NULL,
    `insurance_types` JSON NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `bank_account_unit_id_purpose_idx`(`unit_id`, `purpose`),
    INDEX `bank_account_person_id_idx`(`person_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `person` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `person_no` VARCHAR(20) NOT NULL,
    `id_type` VARCHAR(4) NOT NULL DEFAULT '01',
    `id_number` VARCHAR(32) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `sex` CHAR(1) NOT NULL,
    `birth_date` DATE NOT NULL,
    `ethnicity` VARCHAR(8) NULL,
    `phone` VARCHAR(20) NULL,
    `address` VARCHAR(256) NULL,
    `region_code` CHAR(6) NOT NULL,
    `first_work_date` DATE NULL,
    `current_work_date` DATE NULL,
    `account_start_date` DATE NULL,
    `status` ENUM('ACTIVE', 'RETIRED', 'DECEASED') NOT NULL DEFAULT 'ACTIVE',
    `retired_on` DATE NULL,
    `pending_verification` BOOLEAN NOT NULL DEFAULT false,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    UNIQUE INDEX `person_person_no_key`(`person_no`),
    UNIQUE INDEX `person_id_number_key`(`id_number`),
    INDEX `person_name_idx`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `enrolment` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `person_id` INTEGER NOT NULL,
    `unit_id` INTEGER NULL,
    `insurance_type` ENUM('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'RESIDENT_PENSION') NOT NULL,
    `status` ENUM('ACTIVE', 'SUSPENDED', 'TERMINATED') NOT NULL,
    `started_on` DATE NOT NULL,
    `start_period` INTEGER NOT NULL,
    `stop_period` INTEGER NULL,
    `stopped_on` DATE NULL,
    `stop_reason` VARCHAR(8) NULL,
    `monthly_base` DECIMAL(14, 2) NULL,
    `declared_wage` DECIMAL(14, 2) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,

    INDEX `enrolment_person_id_insurance_type_idx`(`person_id`, `insurance_type`),
    INDEX `enrolment_unit_id_status_insurance_type_idx`(`unit_id`, `status`, `insurance_type`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `contribution_record` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `person_id` INTEGER NOT NULL,
    `unit_id` INTEGER NULL,
    `insurance_type` ENUM('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'RESIDENT_PENSION') NOT NULL,
    `period` INTEGER NOT NULL,
    `base` DECIMAL(14, 2) NOT NULL,
    `unit_amount` DECIMAL(14, 2) NOT NULL,
    `personal_amount` DECIMAL(14, 2) NOT NULL,
    `status` ENUM('PAID', 'ARREARS', 'BACK_PAID', 'DECLARED', 'REFUNDED') NOT NULL,
    `kind` ENUM('NORMAL', 'BACK_PAYMENT', 'ADJUSTMENT') NOT NULL DEFAULT 'NORMAL',
    `paid_at` DATETIME(3) NULL,
    `bill_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `contribution_record_person_id_period_idx`(`person_id`, `period`),
    INDEX `contribution_record_person_id_insurance_type_period_idx`(`person_id`, `insurance_type`, `period`),
    INDEX `contribution_record_unit_id_period_idx`(`unit_id`, `period`),
    INDEX `contribution_record_bill_id_idx`(`bill_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `personal_account_year` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `person_id` INTEGER NOT NULL,
    `year` SMALLINT NOT NULL,
    `opening_balance` DECIMAL(14, 2) NOT NULL,
    `credited` DECIMAL(14, 2) NOT NULL,
    `credited_months` TINYINT NOT NULL,
    `interest_rate` DECIMAL(9, 6) NOT NULL,
    `interest` DECIMAL(14, 2) NOT NULL,
    `closing_balance` DECIMAL(14, 2) NOT NULL,

    UNIQUE INDEX `personal_account_year_person_id_year_key`(`person_id`, `year`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `benefit_payment` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `person_id` INTEGER NOT NULL,
    `kind` ENUM('BASIC_PENSION', 'PROXY_BENEFIT', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'WORK_INJURY') NOT NULL,
    `period` INTEGER NOT NULL,
    `item` VARCHAR(32) NOT NULL,
    `amount` DECIMAL(14, 2) NOT NULL,
    `bank_name` VARCHAR(128) NULL,
    `bank_account` VARCHAR(32) NULL,
    `status` ENUM('PAID', 'PENDING', 'SUSPENDED') NOT NULL,
    `paid_on` DATE NULL,

    INDEX `benefit_payment_person_id_kind_period_idx`(`person_id`, `kind`, `period`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `eligibility_certification` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `person_id` INTEGER NOT NULL,
    `certified_at` DATETIME(3) NOT NULL,
    `method` VARCHAR(32) NOT NULL,
    `channel` VARCHAR(32) NOT NULL,
    `valid_until` DATE NOT NULL,

    INDEX `eligibility_certification_person_id_certified_at_idx`(`person_id`, `certified_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `work_injury_determination` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `person_id` INTEGER NOT NULL,
    `unit_id` INTEGER NULL,
    `decision_no` VARCHAR(32) NOT NULL,
    `accident_date` DATE NOT NULL,
    `accident_place` VARCHAR(128) NULL,
    `injury_part` VARCHAR(128) NULL,
    `diagnosis` VARCHAR(256) NULL,
    `conclusion` VARCHAR(32) NOT NULL,
    `determined_on` DATE NOT NULL,

    UNIQUE INDEX `work_injury_determination_decision_no_key`(`decision_no`),
    INDEX `work_injury_determination_person_id_idx`(`person_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `work_injury_appraisal` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `person_id` INTEGER NOT NULL,
    `determination_id` INTEGER NULL,
    `kind` ENUM('WORK_RELATED', 'NON_WORK_RELATED') NOT NULL,
    `appraisal_no` VARCHAR(32) NOT NULL,
    `disability_level` TINYINT NULL,
    `care_level` VARCHAR(16) NULL,
    `conclusion` VARCHAR(256) NOT NULL,
    `appraised_on` DATE NOT NULL,

    UNIQUE INDEX `work_injury_appraisal_appraisal_no_key`(`appraisal_no`),
    INDEX `work_injury_appraisal_person_id_idx`(`person_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `essc_card` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `person_id` INTEGER NOT NULL,
    `card_no` VARCHAR(32) NOT NULL,
    `issue_level` VARCHAR(16) NOT NULL DEFAULT '省级',
    `issuer` VARCHAR(32) NOT NULL DEFAULT 'local',
    `status` ENUM('PENDING', 'ACTIVE', 'REVOKED') NOT NULL DEFAULT 'PENDING',
    `pin_hash` VARCHAR(255) NULL,
    `pin_failures` INTEGER NOT NULL DEFAULT 0,
    `locked_until` DATETIME(3) NULL,
    `activated_at` DATETIME(3) NULL,
    `pin_changed_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `essc_card_person_id_key`(`person_id`),
    UNIQUE INDEX `essc_card_card_no_key`(`card_no`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `sms_challenge` (
    `id` VARCHAR(36) NOT NULL,
    `phone` VARCHAR(20) NOT NULL,
    `purpose` VARCHAR(32) NOT NULL,
    `person_id` INTEGER NULL,
    `code_hash` CHAR(64) NOT NULL,
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `expires_at` DATETIME(3) NOT NULL,
    `consumed_at` DATETIME(3) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `sms_challenge_phone_created_at_idx`(`phone`, `created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `sms_outbox` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `phone` VARCHAR(20) NOT NULL,
    `content` VARCHAR(512) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `sms_outbox_phone_created_at_idx`(`phone`, `created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `reviewer` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `username` VARCHAR(64) NOT NULL,
    `name` VARCHAR(64) NOT NULL,
    `password_hash` VARCHAR(255) NOT NULL,
    `region_code` CHAR(6) NULL,
    `failures` INTEGER NOT NULL DEFAULT 0,
    `locked_until` DATETIME(3) NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `reviewer_username_key`(`username`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `session` (
    `id` VARCHAR(36) NOT NULL,
    `role` ENUM('PERSON', 'UNIT', 'REVIEWER') NOT NULL,
    `person_id` INTEGER NULL,
    `unit_id` INTEGER NULL,
    `reviewer_id` INTEGER NULL,
    `user_agent` VARCHAR(256) NULL,
    `ip` VARCHAR(64) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expires_at` DATETIME(3) NOT NULL,
    `revoked_at` DATETIME(3) NULL,
    `revoke_reason` VARCHAR(64) NULL,

    INDEX `session_person_id_idx`(`person_id`),
    INDEX `session_unit_id_idx`(`unit_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `refresh_token` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `session_id` VARCHAR(36) NOT NULL,
    `token_hash` CHAR(64) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expires_at` DATETIME(3) NOT NULL,
    `used_at` DATETIME(3) NULL,

    UNIQUE INDEX `refresh_token_token_hash_key`(`token_hash`),
    INDEX `refresh_token_session_id_idx`(`session_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `login_ticket` (
    `id` VARCHAR(36) NOT NULL,
    `short_code` VARCHAR(12) NOT NULL,
    `target` ENUM('PERSON', 'UNIT') NOT NULL,
    `state` ENUM('PENDING', 'SCANNED', 'CONFIRMED', 'CONSUMED', 'CANCELLED', 'EXPIRED') NOT NULL DEFAULT 'PENDING',
    `version` INTEGER NOT NULL DEFAULT 0,
    `binding_hash` CHAR(64) NOT NULL,
    `requester_ip` VARCHAR(64) NULL,
    `requester_agent` VARCHAR(256) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `expires_at` DATETIME(3) NOT NULL,
    `scanned_at` DATETIME(3) NULL,
    `scanned_by_person_id` INTEGER NULL,
    `confirmed_at` DATETIME(3) NULL,
    `chosen_unit_id` INTEGER NULL,
    `consumed_at` DATETIME(3) NULL,
    `cancelled_at` DATETIME(3) NULL,

    UNIQUE INDEX `login_ticket_short_code_key`(`short_code`),
    INDEX `login_ticket_expires_at_idx`(`expires_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `rate_limit_bucket` (
    `key` VARCHAR(191) NOT NULL,
    `window_start` DATETIME(3) NOT NULL,
    `count` INTEGER NOT NULL,
    `expires_at` DATETIME(3) NOT NULL,

    INDEX `rate_limit_bucket_expires_at_idx`(`expires_at`),
    PRIMARY KEY (`key`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `idempotency_key` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `scope` VARCHAR(64) NOT NULL,
    `key` VARCHAR(128) NOT NULL,
    `request_hash` CHAR(64) NOT NULL,
    `status` INTEGER NULL,
    `response` JSON NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `idempotency_key_scope_key_key`(`scope`, `key`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `sequence` (
    `name` VARCHAR(32) NOT NULL,
    `value` BIGINT NOT NULL,

    PRIMARY KEY (`name`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `cases` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `serial_no` CHAR(15) NOT NULL,
    `matter_code` VARCHAR(32) NOT NULL,
    `status` ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'EFFECTIVE', 'WITHDRAWN') NOT NULL DEFAULT 'DRAFT',
    `mode` ENUM('SINGLE', 'BATCH') NOT NULL DEFAULT 'SINGLE',
    `applicant_role` ENUM('PERSON', 'UNIT', 'REVIEWER') NOT NULL,
    `unit_id` INTEGER NULL,
    `person_id` INTEGER NULL,
    `subject_person_id` INTEGER NULL,
    `applicant_name` VARCHAR(64) NOT NULL,
    `applicant_phone` VARCHAR(20) NOT NULL,
    `remark` VARCHAR(512) NULL,
    `form` JSON NOT NULL,
    `in_flight_key` VARCHAR(191) NULL,
    `return_reason` VARCHAR(512) NULL,
    `reviewer_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updated_at` DATETIME(3) NOT NULL,
    `submitted_at` DATETIME(3) NULL,
    `decided_at` DATETIME(3) NULL,

    UNIQUE INDEX `cases_serial_no_key`(`serial_no`),
    UNIQUE INDEX `cases_in_flight_key_key`(`in_flight_key`),
    INDEX `cases_unit_id_created_at_idx`(`unit_id`, `created_at`),
    INDEX `cases_person_id_created_at_idx`(`person_id`, `created_at`),
    INDEX `cases_status_matter_code_submitted_at_idx`(`status`, `matter_code`, `submitted_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `case_item` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `case_id` INTEGER NOT NULL,
    `row_no` INTEGER NOT NULL,
    `person_id` INTEGER NULL,
    `data` JSON NOT NULL,
    `before` JSON NULL,
    `valid` BOOLEAN NOT NULL DEFAULT true,
    `errors` JSON NULL,

    INDEX `case_item_person_id_idx`(`person_id`),
    UNIQUE INDEX `case_item_case_id_row_no_key`(`case_id`, `row_no`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `case_event` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `case_id` INTEGER NOT NULL,
    `type` VARCHAR(32) NOT NULL,
    `actor_role` ENUM('PERSON', 'UNIT', 'REVIEWER') NOT NULL,
    `actor_id` INTEGER NULL,
    `actor_name` VARCHAR(64) NULL,
    `note` VARCHAR(512) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `case_event_case_id_created_at_idx`(`case_id`, `created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `case_material` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `case_id` INTEGER NOT NULL,
    `material_code` VARCHAR(32) NOT NULL,
    `media_id` VARCHAR(36) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `case_material_case_id_idx`(`case_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `media` (
    `id` VARCHAR(36) NOT NULL,
    `owner_role` ENUM('PERSON', 'UNIT', 'REVIEWER') NOT NULL,
    `owner_person_id` INTEGER NULL,
    `owner_unit_id` INTEGER NULL,
    `kind` VARCHAR(16) NOT NULL,
    `mime` VARCHAR(64) NOT NULL,
    `size` INTEGER NOT NULL,
    `width` INTEGER NULL,
    `height` INTEGER NULL,
    `sha256` CHAR(64) NOT NULL,
    `storage` VARCHAR(16) NOT NULL DEFAULT 'db',
    `storage_key` VARCHAR(256) NULL,
    `data` LONGBLOB NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `media_owner_unit_id_idx`(`owner_unit_id`),
    INDEX `media_owner_person_id_idx`(`owner_person_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `certificate` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `code_hash` CHAR(64) NOT NULL,
    `code_tail` CHAR(4) NOT NULL,
    `type` VARCHAR(32) NOT NULL,
    `title` VARCHAR(128) NOT NULL,
    `subject_role` ENUM('PERSON', 'UNIT', 'REVIEWER') NOT NULL,
    `person_id` INTEGER NULL,
    `unit_id` INTEGER NULL,
    `issued_by_id` INTEGER NULL,
    `snapshot` JSON NOT NULL,
    `pdf_sha256` CHAR(64) NOT NULL,
    `pdf_media_id` VARCHAR(36) NULL,
    `pages` INTEGER NOT NULL,
    `issued_at` DATETIME(3) NOT NULL,
    `expires_at` DATETIME(3) NOT NULL,
    `status` ENUM('VALID', 'REVOKED') NOT NULL DEFAULT 'VALID',
    `revoked_at` DATETIME(3) NULL,
    `revoke_reason` VARCHAR(256) NULL,

    UNIQUE INDEX `certificate_code_hash_key`(`code_hash`),
    INDEX `certificate_person_id_issued_at_idx`(`person_id`, `issued_at`),
    INDEX `certificate_unit_id_issued_at_idx`(`unit_id`, `issued_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `certificate_verification` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `certificate_id` INTEGER NULL,
    `result` VARCHAR(16) NOT NULL,
    `token_check` VARCHAR(16) NULL,
    `ip` VARCHAR(64) NULL,
    `user_agent` VARCHAR(256) NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `certificate_verification_certificate_id_idx`(`certificate_id`),
    INDEX `certificate_verification_created_at_idx`(`created_at`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `wage_declaration` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `unit_id` INTEGER NOT NULL,
    `person_id` INTEGER NOT NULL,
    `year` SMALLINT NOT NULL,
    `declared_wage` DECIMAL(14, 2) NOT NULL,
    `base` DECIMAL(14, 2) NOT NULL,
    `case_id` INTEGER NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `wage_declaration_unit_id_person_id_year_key`(`unit_id`, `person_id`, `year`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `contribution_declaration` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `unit_id` INTEGER NOT NULL,
    `period` INTEGER NOT NULL,
    `status` ENUM('DECLARED', 'BILLED', 'REVOKED') NOT NULL DEFAULT 'DECLARED',
    `headcount` INTEGER NOT NULL,
    `base_total` DECIMAL(14, 2) NOT NULL,
    `unit_amount` DECIMAL(14, 2) NOT NULL,
    `personal_amount` DECIMAL(14, 2) NOT NULL,
    `case_id` INTEGER NULL,
    `declared_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `revoked_at` DATETIME(3) NULL,

    INDEX `contribution_declaration_unit_id_period_idx`(`unit_id`, `period`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `declaration_line` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `declaration_id` INTEGER NOT NULL,
    `person_id` INTEGER NOT NULL,
    `insurance_type` ENUM('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'RESIDENT_PENSION') NOT NULL,
    `base` DECIMAL(14, 2) NOT NULL,
    `unit_amount` DECIMAL(14, 2) NOT NULL,
    `personal_amount` DECIMAL(14, 2) NOT NULL,

    INDEX `declaration_line_declaration_id_idx`(`declaration_id`),
    INDEX `declaration_line_person_id_idx`(`person_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `bill` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `bill_no` CHAR(16) NOT NULL,
    `unit_id` INTEGER NOT NULL,
    `declaration_id` INTEGER NULL,
    `period` INTEGER NOT NULL,
    `status` ENUM('VALID', 'PAID', 'EXPIRED', 'REVOKED') NOT NULL DEFAULT 'VALID',
    `unit_amount` DECIMAL(14, 2) NOT NULL,
    `personal_amount` DECIMAL(14, 2) NOT NULL,
    `interest` DECIMAL(14, 2) NOT NULL,
    `late_fee` DECIMAL(14, 2) NOT NULL,
    `total` DECIMAL(14, 2) NOT NULL,
    `issued_at` DATETIME(3) NOT NULL,
    `deadline` DATE NOT NULL,
    `agency` VARCHAR(64) NOT NULL,
    `paid_at` DATETIME(3) NULL,
    `revoked_at` DATETIME(3) NULL,
    `supersedes_id` INTEGER NULL,

    UNIQUE INDEX `bill_bill_no_key`(`bill_no`),
    INDEX `bill_unit_id_period_idx`(`unit_id`, `period`),
    INDEX `bill_status_deadline_idx`(`status`, `deadline`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `bill_line` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `bill_id` INTEGER NOT NULL,
    `insurance_type` ENUM('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'RESIDENT_PENSION') NOT NULL,
    `unit_amount` DECIMAL(14, 2) NOT NULL,
    `personal_amount` DECIMAL(14, 2) NOT NULL,
    `interest` DECIMAL(14, 2) NOT NULL,
    `late_fee` DECIMAL(14, 2) NOT NULL,
    `total` DECIMAL(14, 2) NOT NULL,

    UNIQUE INDEX `bill_line_bill_id_insurance_type_key`(`bill_id`, `insurance_type`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `audit_log` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `actor_role` ENUM('PERSON', 'UNIT', 'REVIEWER') NULL,
    `actor_id` INTEGER NULL,
    `action` VARCHAR(64) NOT NULL,
    `target_type` VARCHAR(32) NULL,
    `target_id` VARCHAR(64) NULL,
    `ip` VARCHAR(64) NULL,
    `request_id` VARCHAR(64) NULL,
    `detail` JSON NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `audit_log_actor_role_actor_id_created_at_idx`(`actor_role`, `actor_id`, `created_at`),
    INDEX `audit_log_target_type_target_id_idx`(`target_type`, `target_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `policy_year` ADD CONSTRAINT `policy_year_region_code_fkey` FOREIGN KEY (`region_code`) REFERENCES `region`(`code`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `policy_rate` ADD CONSTRAINT `policy_rate_policy_year_id_fkey` FOREIGN KEY (`policy_year_id`) REFERENCES `policy_year`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `work_injury_class` ADD CONSTRAINT `work_injury_class_policy_year_id_fkey` FOREIGN KEY (`policy_year_id`) REFERENCES `policy_year`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `unit` ADD CONSTRAINT `unit_region_code_fkey` FOREIGN KEY (`region_code`) REFERENCES `region`(`code`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `unit_insurance` ADD CONSTRAINT `unit_insurance_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `unit_clerk` ADD CONSTRAINT `unit_clerk_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `unit_clerk` ADD CONSTRAINT `unit_clerk_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `bank_account` ADD CONSTRAINT `bank_account_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `bank_account` ADD CONSTRAINT `bank_account_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `person` ADD CONSTRAINT `person_region_code_fkey` FOREIGN KEY (`region_code`) REFERENCES `region`(`code`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `enrolment` ADD CONSTRAINT `enrolment_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `enrolment` ADD CONSTRAINT `enrolment_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `contribution_record` ADD CONSTRAINT `contribution_record_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `contribution_record` ADD CONSTRAINT `contribution_record_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `contribution_record` ADD CONSTRAINT `contribution_record_bill_id_fkey` FOREIGN KEY (`bill_id`) REFERENCES `bill`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `personal_account_year` ADD CONSTRAINT `personal_account_year_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `benefit_payment` ADD CONSTRAINT `benefit_payment_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `eligibility_certification` ADD CONSTRAINT `eligibility_certification_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `work_injury_determination` ADD CONSTRAINT `work_injury_determination_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `work_injury_determination` ADD CONSTRAINT `work_injury_determination_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `work_injury_appraisal` ADD CONSTRAINT `work_injury_appraisal_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `work_injury_appraisal` ADD CONSTRAINT `work_injury_appraisal_determination_id_fkey` FOREIGN KEY (`determination_id`) REFERENCES `work_injury_determination`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `essc_card` ADD CONSTRAINT `essc_card_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `refresh_token` ADD CONSTRAINT `refresh_token_session_id_fkey` FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `cases` ADD CONSTRAINT `cases_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `case_item` ADD CONSTRAINT `case_item_case_id_fkey` FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `case_event` ADD CONSTRAINT `case_event_case_id_fkey` FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `case_material` ADD CONSTRAINT `case_material_case_id_fkey` FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `case_material` ADD CONSTRAINT `case_material_media_id_fkey` FOREIGN KEY (`media_id`) REFERENCES `media`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `certificate` ADD CONSTRAINT `certificate_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `certificate` ADD CONSTRAINT `certificate_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `certificate_verification` ADD CONSTRAINT `certificate_verification_certificate_id_fkey` FOREIGN KEY (`certificate_id`) REFERENCES `certificate`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `wage_declaration` ADD CONSTRAINT `wage_declaration_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `wage_declaration` ADD CONSTRAINT `wage_declaration_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `contribution_declaration` ADD CONSTRAINT `contribution_declaration_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `declaration_line` ADD CONSTRAINT `declaration_line_declaration_id_fkey` FOREIGN KEY (`declaration_id`) REFERENCES `contribution_declaration`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `bill` ADD CONSTRAINT `bill_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `bill` ADD CONSTRAINT `bill_declaration_id_fkey` FOREIGN KEY (`declaration_id`) REFERENCES `contribution_declaration`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `bill_line` ADD CONSTRAINT `bill_line_bill_id_fkey` FOREIGN KEY (`bill_id`) REFERENCES `bill`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
