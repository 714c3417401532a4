"""The discovery resources (RFC 7644 section 4): what this service provider supports."""

from django.conf import settings

from lms.accounts.scim.protocol import ENTERPRISE, GROUP, USER


def service_provider_config(base_url: str) -> dict:
    return {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
        "patch": {"supported": True},
        "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": True, "maxResults": settings.QD_SCIM_MAX_RESULTS},
        "changePassword": {"supported": False},
        "sort": {"supported": False},
        "etag": {"supported": True},
        "authenticationSchemes": [
            {
                "type": "oauthbearertoken",
                "name": "Bearer token",
                "description": "A token from manage.py create_scim_token",
                "primary": True,
            }
        ],
        "meta": {
            "resourceType": "ServiceProviderConfig",
            "location": f"{base_url}/ServiceProviderConfig",
        },
    }


def resource_types(base_url: str) -> list[dict]:
    return [
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
            "id": "User",
            "name": "User",
            "endpoint": "/Users",
            "schema": USER,
            "schemaExtensions": [{"schema": ENTERPRISE, "required": False}],
            "meta": {"resourceType": "ResourceType", "location": f"{base_url}/ResourceTypes/User"},
        },
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
            "id": "Group",
            "name": "Group",
            "endpoint": "/Groups",
            "schema": GROUP,
            "meta": {"resourceType": "ResourceType", "location": f"{base_url}/ResourceTypes/Group"},
        },
    ]


def _attribute(
    name,
    *,
    type_="string",
    required=False,
    multi=False,
    mutability="readWrite",
    uniqueness="none",
    sub=None,
):
    attribute = {
        "name": name,
        "type": type_,
        "multiValued": multi,
        "required": required,
        "caseExact": False,
        "mutability": mutability,
        "returned": "default",
        "uniqueness": uniqueness,
    }
    if sub:
        attribute["subAttributes"] = sub
    return attribute


def schemas() -> list[dict]:
    meta = {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"]}
    return [
        {
            **meta,
            "id": USER,
            "name": "User",
            "attributes": [
                _attribute("userName", required=True, uniqueness="server"),
                _attribute("externalId"),
                _attribute(
                    "name", type_="complex", sub=[_attribute("givenName"), _attribute("familyName")]
                ),
                _attribute("displayName", mutability="readOnly"),
                _attribute("emails", type_="complex", multi=True, sub=[_attribute("value")]),
                _attribute("active", type_="boolean"),
                _attribute(
                    "groups",
                    type_="complex",
                    multi=True,
                    mutability="readOnly",
                    sub=[_attribute("value"), _attribute("display")],
                ),
            ],
        },
        {
            **meta,
            "id": ENTERPRISE,
            "name": "EnterpriseUser",
            "attributes": [
                _attribute("employeeNumber"),
                _attribute("department"),
                _attribute("manager", type_="complex", sub=[_attribute("value")]),
            ],
        },
        {
            **meta,
            "id": GROUP,
            "name": "Group",
            "attributes": [
                _attribute("displayName", required=True),
                _attribute("externalId", uniqueness="server"),
                _attribute("members", type_="complex", multi=True, sub=[_attribute("value")]),
            ],
        },
    ]
