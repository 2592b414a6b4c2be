-- Case engine (issue 6): a worker's general information (一般信息, R19) that 单位职工一般信息变更登记 (§3.3.6) edits,
-- and the per-worker in-flight key of a case row ("有在途申请的记录，不允许申请新的变更" for staff matters).

-- AlterTable
ALTER TABLE `person` ADD COLUMN `nationality` VARCHAR(3) NULL,
    ADD COLUMN `political_status` VARCHAR(4) NULL,
    ADD COLUMN `education` VARCHAR(4) NULL,
    ADD COLUMN `marital_status` VARCHAR(4) NULL,
    ADD COLUMN `blood_type` VARCHAR(4) NULL,
    ADD COLUMN `hukou_type` VARCHAR(4) NULL,
    ADD COLUMN `postal_code` CHAR(6) NULL,
    ADD COLUMN `email` VARCHAR(128) NULL;

-- AlterTable
ALTER TABLE `case_item` ADD COLUMN `in_flight_key` VARCHAR(191) NULL;

-- CreateIndex
CREATE UNIQUE INDEX `case_item_in_flight_key_key` ON `case_item`(`in_flight_key`);
