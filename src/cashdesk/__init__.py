"""cashdesk: offline cashiering for a city finance department's customer-service window."""

__version__ = "0.1.0"
