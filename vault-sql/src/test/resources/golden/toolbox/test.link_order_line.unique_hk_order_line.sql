-- vault test: link_order_line.unique(hk_order_line)
-- every hash key of the link appears once
SELECT "hk_order_line", count(*) AS occurrences
FROM "iceberg"."shop_silver"."link_order_line"
GROUP BY "hk_order_line"
HAVING count(*) > 1
