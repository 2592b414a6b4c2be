-- Contributions (issue 7): the declared wage behind each declaration line and the declaration's 职工工资总额
-- (§3.3.23's 职工工资总额 17776 → 缴费基数总额 17780 needs the unrounded wage), and the kind of a bill
-- (NORMAL 单位整体核定 from a monthly declaration, BACK_PAYMENT 补缴核定 from back-payment records).

-- AlterTable
ALTER TABLE `declaration_line` ADD COLUMN `declared_wage` DECIMAL(14, 2) NULL;

-- AlterTable
ALTER TABLE `contribution_declaration` ADD COLUMN `wage_total` DECIMAL(14, 2) NULL;

-- AlterTable
ALTER TABLE `bill` ADD COLUMN `kind` VARCHAR(16) NOT NULL DEFAULT 'NORMAL';
