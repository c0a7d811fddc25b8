import type { Form } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { t } from "../../shared/i18n.js";

/** `customer`: the core fields only; projects are run on deals. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户", "Customer"),
  titleField: "customer_name",
  fields: coreCustomerFields(),
};
