"""SCIM 2.0 provisioning (RFC 7643, RFC 7644): people and job roles from the identity system."""
