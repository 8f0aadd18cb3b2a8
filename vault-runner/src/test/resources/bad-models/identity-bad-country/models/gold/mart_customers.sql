SELECT customer_id FROM {{ ref('hub_customer') }}
