"""SCIM 2.0 endpoints under /scim/v2/. Only a SCIM bearer token opens them; sessions and
cookies are not used, which is why these views are exempt from CSRF checks."""

import json
import logging

from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from lms.accounts.scim import resources
from lms.accounts.scim.protocol import (
    CONTENT_TYPE,
    GROUP,
    LIST,
    ScimError,
    etag_check,
    filter_parse,
    pagination,
    patch_apply,
)
from lms.accounts.scim.schemas import resource_types, schemas, service_provider_config
from lms.accounts.scim.tokens import scim_token_authenticate

logger = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024


def scim_response(body: dict | None, status: int = 200, etag: str | None = None):
    if body is None:
        return HttpResponse(status=status)
    response = JsonResponse(body, status=status, content_type=CONTENT_TYPE)
    if etag:
        response["ETag"] = etag
    return response


@method_decorator(csrf_exempt, name="dispatch")
class ScimView(View):
    http_method_names = ["get", "post", "put", "patch", "delete"]

    def dispatch(self, request, *args, **kwargs):
        try:
            self.token = scim_token_authenticate(request.headers.get("Authorization", ""))
            if self.token is None:
                response = scim_response(
                    ScimError(401, "A valid bearer token is required.").body(), 401
                )
                response["WWW-Authenticate"] = 'Bearer realm="scim"'
                return response
            self.actor = f"scim:{self.token.name}"
            self.base_url = request.build_absolute_uri("/scim/v2").rstrip("/")
            return super().dispatch(request, *args, **kwargs)
        except ScimError as error:
            return scim_response(error.body(), error.status)

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise ScimError(405, "Method not allowed.")

    def body(self) -> dict:
        if len(self.request.body) > MAX_BODY:
            raise ScimError(413, "The request is too large.", "tooMany")
        try:
            data = json.loads(self.request.body or b"null")
        except (ValueError, RecursionError) as error:
            raise ScimError(400, "The body is not valid JSON.", "invalidSyntax") from error
        if not isinstance(data, dict):
            raise ScimError(400, "The body must be a JSON object.", "invalidSyntax")
        return data

    def list_response(self, queryset, to_scim):
        start, count = pagination(self.request.GET)
        total = queryset.count()
        page = list(queryset[start - 1 : start - 1 + count]) if count else []
        return scim_response(
            {
                "schemas": [LIST],
                "totalResults": total,
                "startIndex": start,
                "itemsPerPage": len(page),
                "Resources": to_scim(page),
            }
        )


class UsersView(ScimView):
    def get(self, request):
        queryset = resources.users_queryset().order_by("pk")
        if "filter" in request.GET:
            attribute, value = filter_parse(request.GET["filter"], {"userName", "externalId"})
            if attribute == "userName":
                queryset = queryset.filter(email__iexact=value)
            else:
                queryset = queryset.filter(external_id=value)
        return self.list_response(
            queryset, lambda page: resources.users_to_scim(page, self.base_url)
        )

    def post(self, request):
        user = resources.user_put(data=self.body(), actor_label=self.actor)
        resource = resources.user_to_scim(user, self.base_url)
        response = scim_response(resource, 201, resource["meta"]["version"])
        response["Location"] = resource["meta"]["location"]
        return response


class UserView(ScimView):
    def current(self, scim_id):
        user = resources.user_find(scim_id)
        return user, resources.user_to_scim(user, self.base_url)

    def get(self, request, scim_id):
        _user, resource = self.current(scim_id)
        if request.headers.get("If-None-Match") == resource["meta"]["version"]:
            return scim_response(None, 304)
        return scim_response(resource, etag=resource["meta"]["version"])

    def put(self, request, scim_id):
        user, resource = self.current(scim_id)
        etag_check(request.headers.get("If-Match"), resource["meta"]["version"])
        user = resources.user_put(data=self.body(), user=user, actor_label=self.actor)
        resource = resources.user_to_scim(user, self.base_url)
        return scim_response(resource, etag=resource["meta"]["version"])

    def patch(self, request, scim_id):
        user, resource = self.current(scim_id)
        etag_check(request.headers.get("If-Match"), resource["meta"]["version"])
        changed = patch_apply(resource, self.body())
        user = resources.user_put(data=changed, user=user, actor_label=self.actor)
        resource = resources.user_to_scim(user, self.base_url)
        return scim_response(resource, etag=resource["meta"]["version"])

    def delete(self, request, scim_id):
        user, resource = self.current(scim_id)
        etag_check(request.headers.get("If-Match"), resource["meta"]["version"])
        resources.user_delete(user=user, actor_label=self.actor)
        return scim_response(None, 204)


class GroupsView(ScimView):
    def get(self, request):
        queryset = resources.groups_queryset()
        if "filter" in request.GET:
            attribute, value = filter_parse(request.GET["filter"], {"displayName", "externalId"})
            if attribute == "displayName":
                queryset = queryset.filter(name=value)
            else:
                queryset = queryset.filter(code=value)
        return self.list_response(
            queryset, lambda page: [resources.group_to_scim(role, self.base_url) for role in page]
        )

    def post(self, request):
        role = resources.group_put(data=self.body(), actor_label=self.actor)
        resource = resources.group_to_scim(role, self.base_url)
        response = scim_response(resource, 201, resource["meta"]["version"])
        response["Location"] = resource["meta"]["location"]
        return response


class GroupView(ScimView):
    def current(self, scim_id):
        role = resources.group_find(scim_id)
        return role, resources.group_to_scim(role, self.base_url)

    def get(self, request, scim_id):
        _role, resource = self.current(scim_id)
        return scim_response(resource, etag=resource["meta"]["version"])

    def put(self, request, scim_id):
        role, resource = self.current(scim_id)
        etag_check(request.headers.get("If-Match"), resource["meta"]["version"])
        role = resources.group_put(data=self.body(), role=role, actor_label=self.actor)
        resource = resources.group_to_scim(role, self.base_url)
        return scim_response(resource, etag=resource["meta"]["version"])

    def patch(self, request, scim_id):
        role, resource = self.current(scim_id)
        etag_check(request.headers.get("If-Match"), resource["meta"]["version"])
        changed = patch_apply(resource, self.body())
        changed["schemas"] = [GROUP]
        role = resources.group_put(data=changed, role=role, actor_label=self.actor)
        resource = resources.group_to_scim(role, self.base_url)
        return scim_response(resource, etag=resource["meta"]["version"])

    def delete(self, request, scim_id):
        role, resource = self.current(scim_id)
        etag_check(request.headers.get("If-Match"), resource["meta"]["version"])
        resources.group_delete(role=role, actor_label=self.actor)
        return scim_response(None, 204)


class ServiceProviderConfigView(ScimView):
    def get(self, request):
        return scim_response(service_provider_config(self.base_url))


class ResourceTypesView(ScimView):
    def get(self, request):
        types = resource_types(self.base_url)
        return scim_response({"schemas": [LIST], "totalResults": len(types), "Resources": types})


class SchemasView(ScimView):
    def get(self, request):
        items = schemas()
        return scim_response({"schemas": [LIST], "totalResults": len(items), "Resources": items})
