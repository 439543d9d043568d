"""Reports for operations and for warehouses: the same figures on the dashboard and through the API."""
