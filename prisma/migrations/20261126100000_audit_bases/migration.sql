-- 稽核认定缴费基数 (issue 7, R40): a worker's contribution base for a range of months as the center's audit
-- determined it (per unit; one insurance type, or all when insurance_type is NULL), with the 稽核文书号 and the
-- reviewer who recorded it. A 缴费工资变更 touching those months must arrive at exactly this base.

-- CreateTable
CREATE TABLE `audit_base_determination` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `unit_id` INTEGER NOT NULL,
    `person_id` INTEGER NOT NULL,
    `insurance_type` ENUM('PENSION', 'UNEMPLOYMENT', 'WORK_INJURY', 'PUBLIC_PENSION', 'OCCUPATIONAL_ANNUITY', 'RESIDENT_PENSION') NULL,
    `start_period` INTEGER NOT NULL,
    `end_period` INTEGER NOT NULL,
    `base` DECIMAL(14, 2) NOT NULL,
    `document_no` VARCHAR(64) NOT NULL,
    `remark` VARCHAR(256) NULL,
    `recorded_by_id` INTEGER NOT NULL,
    `recorded_by_name` VARCHAR(64) NOT NULL,
    `created_at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `audit_base_determination_unit_id_person_id_start_period_idx`(`unit_id`, `person_id`, `start_period`),
    INDEX `audit_base_determination_person_id_idx`(`person_id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `audit_base_determination` ADD CONSTRAINT `audit_base_determination_unit_id_fkey` FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE `audit_base_determination` ADD CONSTRAINT `audit_base_determination_person_id_fkey` FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;
