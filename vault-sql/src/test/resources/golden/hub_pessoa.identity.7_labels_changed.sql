SELECT count(*)
FROM "iceberg"."silver"."hub_pessoa_work_labels_b" AS next
JOIN "iceberg"."silver"."hub_pessoa_work_labels_a" AS previous ON previous.vid = next.vid
WHERE next.parent <> previous.parent
