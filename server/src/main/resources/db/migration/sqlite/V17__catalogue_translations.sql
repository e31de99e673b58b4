-- A service's texts in other languages, as JSON: {language: {field: text}}, the fields being name,
-- description, group, service_notice, attribute:<code> (the question) and value:<code>:<key> (a
-- list value's name). NULL when the service has no translation.
ALTER TABLE services ADD COLUMN translations TEXT;
