import type { Form } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { t } from "../../shared/i18n.js";

/** `customer`: the core fields only; the process is managed on deals and visits. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户", "Customer"),
  titleField: "customer_name",
  fields: coreCustomerFields(),
};
