-- A CRM migration renamed customers.email to email_address.
ALTER TABLE shop.customers RENAME COLUMN email TO email_address;
